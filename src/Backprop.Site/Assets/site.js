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

// Typesets the formulas with the site's own KaTeX (assets/katex/, in the head of pages that have
// formulas). Markdig's math extension is the one place that decides what is a formula: it turns
// $…$ into <span class="math">\(…\)</span> and $$…$$ into \[…\] (a span inside a paragraph, a
// div on lines of its own), its TeX untouched. Only those elements are searched, so a dollar
// sign anywhere else (prose, code, outputs) stays a dollar sign. The $ delimiters are listed
// too, in KaTeX's documented order, for TeX that reaches a math element still written with them.
// A formula KaTeX cannot parse stays as its source and the error goes to the console.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof renderMathInElement === 'undefined') return;
  var delimiters = [
    { left: '$$', right: '$$', display: true },
    { left: '\\[', right: '\\]', display: true },
    { left: '\\(', right: '\\)', display: false },
    { left: '$', right: '$', display: false }
  ];
  document.querySelectorAll('span.math, div.math').forEach(function (el) {
    renderMathInElement(el, { delimiters: delimiters, throwOnError: true });
    if (el.querySelector('.katex')) el.classList.add('math-typeset');
  });
});
