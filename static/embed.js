/*! K-AI Atlas embed helper: resizes each <iframe data-kai-atlas> to its widget's
    height, trusting a message only from that iframe's own window and origin, of the
    expected shape, with a sane finite height. */
(function (w) {
  var f, i, s, sel = 'iframe[data-kai-atlas]';
  if (w.kaiAtlasEmbed === 1) return; // (an element id is a window property too)
  w.kaiAtlasEmbed = 1;
  // The frame's own origin: opaque in a sandbox without allow-same-origin
  // (its own, or this page's, which it inherits), else its src's (an http src
  // may have been upgraded to https).
  function own(f, o) {
    var b = f.getAttribute('sandbox'), u;
    if (w.origin === 'null' || (b !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(b))) return o === 'null';
    try { u = new URL(f.src, w.location.href); } catch (x) { return false; }
    return o === u.origin || (u.protocol === 'http:' && o === 'https://' + u.host);
  }
  w.addEventListener('message', function (e) {
    var d = e.data, h;
    if (!d || d.type !== 'kai-atlas:height' || d.v !== 1) return;
    h = d.height;
    if (typeof h !== 'number' || !isFinite(h) || h < 100 || h > 20000) return;
    f = w.document.querySelectorAll(sel);
    for (i = 0; i < f.length; i++) {
      if (f[i].contentWindow !== e.source) continue;
      if (!own(f[i], e.origin)) return;
      // Set from script: an article CSP may block the snippet's style attribute.
      s = f[i].style;
      s.width = '100%';
      s.border = '0';
      s.minHeight = '0';
      s.height = Math.ceil(h) + 'px';
      return;
    }
  });
  // Ask each frame for its height again: a widget may have been ready before
  // this script arrived (deferred or injected late).
  f = w.document.querySelectorAll(sel);
  for (i = 0; i < f.length; i++) {
    try { f[i].contentWindow.postMessage({ type: 'kai-atlas:measure', v: 1 }, '*'); } catch (x) {}
  }
})(window);
