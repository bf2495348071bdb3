package org.venuegate.kiosk.ui;

/** What the big prompt shows. Each state has its own colour, shape and words (never colour alone). */
public enum PromptState { IDLE, PASS, STOP }
