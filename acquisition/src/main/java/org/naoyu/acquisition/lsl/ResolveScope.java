package org.naoyu.acquisition.lsl;

import java.util.Locale;

/**
 * How far LSL discovery reaches (config key {@code [multicast] ResolveScope}). The scopes add up: each sends to the
 * addresses of those before it too (lsl-wire-protocol.md §2).
 *
 * <p>naoyu's default is {@link #MACHINE}, unlike liblsl's {@code site}: brain data stays on this computer unless a
 * lab opts in with {@code lsl_api.cfg} or {@code --lsl-scope}.
 */
public enum ResolveScope {
    /** This computer only: unicast to 127.0.0.1. Multicast TTL 0. */
    MACHINE(0),
    /** The local network segment: adds broadcast and link-local multicast. TTL 1. */
    LINK(1),
    /** The site: adds the site-local multicast group. TTL 24. */
    SITE(24),
    /** TTL 32. */
    ORGANIZATION(32),
    /** TTL 255. */
    GLOBAL(255);

    private final int multicastTtl;

    ResolveScope(int multicastTtl) {
        this.multicastTtl = multicastTtl;
    }

    public int multicastTtl() {
        return multicastTtl;
    }

    /** The config-file spelling, as liblsl writes it: {@code machine}, {@code link}, … */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a scope name as liblsl does (lower case).
     *
     * @throws IllegalArgumentException naming the allowed names and the value
     */
    public static ResolveScope fromConfigName(String name) {
        for (ResolveScope scope : values()) {
            if (scope.configName().equals(name)) {
                return scope;
            }
        }
        throw new IllegalArgumentException(
                "ResolveScope must be one of machine, link, site, organization, global, got '" + name + "'");
    }
}
