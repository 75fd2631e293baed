// The oracles' answers to stdout, with backpressure: while the reader lags, the requests' reader pauses, so that answers
// do not pile up in node's buffers (a run of a million strings once made their writev fail with ENOBUFS and end node).
"use strict";

/** A write(text) for answers; `requests` is the readline interface the requests come from. */
module.exports = function answerWriter(requests) {
  let draining = false;
  return (text) => {
    if (process.stdout.write(text) || draining) return;
    draining = true;
    requests.pause();
    process.stdout.once("drain", () => {
      draining = false;
      requests.resume();
    });
  };
};
