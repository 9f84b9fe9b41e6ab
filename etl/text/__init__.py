"""Text preparation: normalisation (NFC, spelling), paragraphs and sentences with offsets, datelines."""
