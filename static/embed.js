/*! K-AI Atlas embed helper. Resizes each <iframe data-kai-atlas> to its widget's
    height. Trusts a message only when it comes from that iframe's own window and
    origin, has the expected shape, and carries a sane finite height. */
(function (w) {
  if (w.kaiAtlasEmbed) return;
  w.kaiAtlasEmbed = 1;
  w.addEventListener('message', function (e) {
    var d = e.data, h, f, i, o;
    if (!d || d.type !== 'kai-atlas:height' || d.v !== 1) return;
    h = d.height;
    if (typeof h !== 'number' || !isFinite(h) || h < 100 || h > 20000) return;
    f = w.document.querySelectorAll('iframe[data-kai-atlas]');
    for (i = 0; i < f.length; i++) {
      if (f[i].contentWindow !== e.source) continue;
      try { o = new URL(f[i].src, w.location.href).origin; } catch (x) { return; }
      // The snippet's min-height only serves iframes without this script.
      if (o === e.origin) { f[i].style.minHeight = '0'; f[i].style.height = Math.ceil(h) + 'px'; }
      return;
    }
  });
})(window);
