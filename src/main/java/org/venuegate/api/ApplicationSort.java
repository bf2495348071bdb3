package org.venuegate.api;

/** The orders the application list can be sorted in ({@code sort} parameter). */
public enum ApplicationSort {
    SUBMITTED_AT, SUBMITTED_AT_DESC, NAME, NAME_DESC, CREDIT_CODE, CREDIT_CODE_DESC, DISTRICT, DISTRICT_DESC,
    CATEGORY, CATEGORY_DESC, DECIDED_AT_DESC
}
