package org.venuegate.api;

/** Where an application stands. */
public enum ApplicationStatus { UNDER_REVIEW, PASSED, FAILED }
