/*! K-AI Atlas embed helper. Resizes each <iframe data-kai-atlas> to its widget's
    height. Trusts a message only when it comes from that iframe's own window, has
    the expected shape and carries a sane finite height. The sender's origin is not
    compared with the src attribute: a redirect (http to https, apex to www) changes
    it, and a height is all a message can change. */
(function (w) {
  var f, i, s, sel = 'iframe[data-kai-atlas]';
  if (w.kaiAtlasEmbed) return;
  w.kaiAtlasEmbed = 1;
  w.addEventListener('message', function (e) {
    var d = e.data, h;
    if (!d || d.type !== 'kai-atlas:height' || d.v !== 1) return;
    h = d.height;
    if (typeof h !== 'number' || !isFinite(h) || h < 100 || h > 20000) return;
    f = w.document.querySelectorAll(sel);
    for (i = 0; i < f.length; i++) {
      if (f[i].contentWindow !== e.source) continue;
      // The snippet's style attribute may be blocked by the article's CSP;
      // styles set from script are not. Its min-height only serves frames
      // without this script.
      s = f[i].style;
      s.width = '100%';
      s.border = '0';
      s.minHeight = '0';
      s.height = Math.ceil(h) + 'px';
      return;
    }
  });
  // A widget that was ready before this script arrived (late or deferred
  // loading) has already sent its height: ask each frame to send it again.
  f = w.document.querySelectorAll(sel);
  for (i = 0; i < f.length; i++) {
    try { f[i].contentWindow.postMessage({ type: 'kai-atlas:measure', v: 1 }, '*'); } catch (x) {}
  }
})(window);
