/**
 * The hub's HTTP API as Java types: every request and response body of {@code /api/v1} that the hub and its desktop
 * clients exchange, one record (or enum) per schema of {@code docs/openapi.yaml}, named like the schema. The hub
 * writes and reads these; the review workstation and the phone read and write the same ones, so a field renamed on
 * one side does not compile on the other. Plain Java and Jackson annotations only: no JavaFX, HTTP library or hub
 * internals, so either side can depend on it (pinned by ArchitectureTest, checked against the spec by
 * OpenApiContractTest).
 */
package org.venuegate.api;
