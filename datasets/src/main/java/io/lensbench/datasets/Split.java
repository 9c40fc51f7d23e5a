package io.lensbench.datasets;

/** Item split: models train on TRAIN items only; every query set is built over TEST items. */
public enum Split {
  TRAIN,
  TEST
}
