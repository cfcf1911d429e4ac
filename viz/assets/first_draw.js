/* Runs before pyvis's drawGraph(): every vis.Network made on this page is fitted to its
 * container before its first draw (positions come from Python, so they are known), and
 * the end of that first draw is marked for tests and benchmarks. */
(function () {
  "use strict";
  var Original = vis.Network;
  vis.Network = function (container, data, options) {
    var network = new Original(container, data, options);
    network.once("afterDrawing", function () {
      window.scommFirstDraw = performance.now();
      // "drawn" means drawn and ready: the page's own script may not have run yet
      if (window.scommPageReady) document.body.dataset.drawn = "true";
    });
    network.fit({ animation: false });
    return network;
  };
  vis.Network.prototype = Original.prototype;
})();
