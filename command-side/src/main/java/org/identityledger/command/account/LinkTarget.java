package org.identityledger.command.account;

/**
 * Where the person should land after following an emailed link (a sanitised same-site path), and
 * whether the iPhone app handoff should be offered ({@code returnTarget = "ios"}).
 */
public record LinkTarget(String nextPath, String returnTarget) {
}
