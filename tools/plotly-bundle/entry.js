// The traces the dashboard draws (dashboard/charts.py): scatter (in core), bar, treemap. Nothing else is
// registered, which keeps the bundle a quarter of the full plotly.js that st.plotly_chart loads.
'use strict';
var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/treemap')]);

module.exports = Plotly;
