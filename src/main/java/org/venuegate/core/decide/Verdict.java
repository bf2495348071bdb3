package org.venuegate.core.decide;

public enum Verdict { PASS, STOP }
