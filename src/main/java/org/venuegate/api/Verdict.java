package org.venuegate.api;

/** A reviewer's decision. */
public enum Verdict { PASS, FAIL }
