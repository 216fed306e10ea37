package vn.lienthong.application.security;

import java.time.Duration;

/**
 * The login throttle's limits: failures per account and per client address within the window before
 * a lockout of the given length.
 */
public record LoginLimits(
    int accountFailures, int addressFailures, Duration window, Duration lockout) {}
