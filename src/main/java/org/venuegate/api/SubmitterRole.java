package org.venuegate.api;

/** Who submits an application; only the organiser may (FAQ site-code 8). */
public enum SubmitterRole { ORGANISER, AGENT }
