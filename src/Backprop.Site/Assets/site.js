// Draws a chart with the site's own plotly.js (assets/plotly.min.js, loaded in the page's head).
// The chart's static SVG drawing is hidden only once plotly.js is there to replace it; with
// scripts off, or if drawing fails, the drawing is what the reader sees.
function bpPlot(id, figure) {
  var el = document.getElementById(id);
  if (!el || typeof Plotly === 'undefined') return;
  var fallback = el.querySelector('.bp-static-fallback');
  if (fallback) fallback.style.display = 'none';
  var config = Object.assign({}, figure.config || {}, { responsive: true, displaylogo: false });
  Plotly.newPlot(el, figure.data || [], figure.layout || {}, config).catch(function (error) {
    if (fallback) fallback.style.display = '';
    console.warn('chart ' + id + ' could not be drawn', error);
  });
}
