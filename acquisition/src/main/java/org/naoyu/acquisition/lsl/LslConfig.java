package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LSL settings: ports, discovery scope and addresses, session, timing. Read from {@code lsl_api.cfg} where liblsl
 * looks for it (lsl-wire-protocol.md §2), with liblsl's keys, so a lab's existing file works unchanged.
 *
 * <p>Two deliberate differences from liblsl: the default {@link ResolveScope} is {@code machine} (loopback only, and
 * outlets bind to 127.0.0.1), and only IPv4 is spoken. Discovery on this machine unicasts the query to 127.0.0.1 on the
 * discovery port and on every port of the data range, which reaches every local outlet, liblsl's included (§4.5).
 *
 * @param ports       where sockets bind
 * @param scope       how far discovery reaches
 * @param addresses   the discovery address lists of each scope, IPv4 only
 * @param knownPeers  hosts to query by unicast on every data port ({@code [lab] KnownPeers})
 * @param sessionId   the LSL session ({@code [lab] SessionID})
 * @param tuning      timing of resolution, time correction and recovery
 * @param source      where these settings came from, for messages
 */
public record LslConfig(
        Ports ports,
        ResolveScope scope,
        Map<ResolveScope, List<String>> addresses,
        List<String> knownPeers,
        String sessionId,
        Tuning tuning,
        String source) {

    private static final Logger LOG = LoggerFactory.getLogger(LslConfig.class);
    public static final String LOOPBACK = "127.0.0.1";

    /** {@code [ports]}: the discovery port, the range data and service sockets take ports from. */
    public record Ports(int multicastPort, int basePort, int portRange, boolean allowRandomPorts) {
        public Ports {
            checkPort("MulticastPort", multicastPort);
            checkPort("BasePort", basePort);
            if (portRange < 1 || portRange > 65535 - basePort + 1) {
                throw new IllegalArgumentException("PortRange must be in [1, " + (65535 - basePort + 1)
                        + "] for BasePort " + basePort + ", got " + portRange);
            }
        }

        /** The ports of the data range, BasePort … BasePort + PortRange - 1. */
        public int[] dataPorts() {
            int[] result = new int[portRange];
            for (int i = 0; i < portRange; i++) {
                result[i] = basePort + i;
            }
            return result;
        }
    }

    /** {@code [tuning]} and the timing constants liblsl uses (§4.4, §5, §10). */
    public record Tuning(
            int useProtocolVersion,
            double multicastMinRttSec,
            double unicastMinRttSec,
            double timeUpdateIntervalSec,
            int timeProbeCount,
            double timeProbeIntervalSec,
            int timeUpdateMinProbes,
            double watchdogThresholdSec) {
        public Tuning {
            if (useProtocolVersion != 110) {
                throw new IllegalArgumentException("UseProtocolVersion must be 110 (naoyu speaks LSL protocol 1.10), "
                        + "got " + useProtocolVersion);
            }
            positive("MulticastMinRTT", multicastMinRttSec);
            positive("UnicastMinRTT", unicastMinRttSec);
            positive("TimeUpdateInterval", timeUpdateIntervalSec);
            positive("TimeProbeInterval", timeProbeIntervalSec);
            positive("WatchdogTimeThreshold", watchdogThresholdSec);
            if (timeProbeCount < 1 || timeProbeCount > 100) {
                throw new IllegalArgumentException("TimeProbeCount must be in [1, 100], got " + timeProbeCount);
            }
            if (timeUpdateMinProbes < 1 || timeUpdateMinProbes > timeProbeCount) {
                throw new IllegalArgumentException("TimeUpdateMinProbes must be in [1, " + timeProbeCount
                        + "] (TimeProbeCount), got " + timeUpdateMinProbes);
            }
        }

        public static Tuning liblslDefaults() {
            return new Tuning(110, 0.5, 0.75, 2.0, 8, 0.064, 6, 15.0);
        }
    }

    public LslConfig {
        checkNonNull("ports", ports);
        checkNonNull("scope", scope);
        checkNonNull("tuning", tuning);
        checkNonNull("source", source);
        checkNonNull("addresses", addresses);
        Map<ResolveScope, List<String>> copy = new EnumMap<>(ResolveScope.class);
        for (ResolveScope s : ResolveScope.values()) {
            List<String> list = addresses.get(s);
            if (list == null) {
                throw new IllegalArgumentException("addresses must list the addresses of every scope, missing "
                        + s.configName());
            }
            for (String address : list) {
                checkIpv4Literal(s.configName() + " address", address);
            }
            copy.put(s, List.copyOf(list));
        }
        addresses = Collections.unmodifiableMap(copy);
        knownPeers = List.copyOf(knownPeers);
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("SessionID must be a non-blank string, got '" + sessionId + "'");
        }
    }

    /** liblsl's built-in settings, except the scope: {@code machine}. */
    public static LslConfig defaults() {
        return fromIni(IniFile.empty());
    }

    /**
     * The settings liblsl would use here: the first readable file of {@code $LSLAPICFG}, {@code ./lsl_api.cfg},
     * {@code ~/lsl_api/lsl_api.cfg}, {@code /etc/lsl_api/lsl_api.cfg}; otherwise the defaults. Nothing is merged.
     *
     * @throws IllegalArgumentException naming the file, section and key of a bad value
     */
    public static LslConfig load() {
        for (Path candidate : searchPath(System.getenv("LSLAPICFG"), Path.of(""), Path.of(System.getProperty("user.home")))) {
            if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
                return fromFile(candidate);
            }
        }
        return defaults();
    }

    /** Where {@link #load()} looks, in order. */
    static List<Path> searchPath(String lslApiCfg, Path workingDirectory, Path home) {
        List<Path> paths = new ArrayList<>();
        if (lslApiCfg != null && !lslApiCfg.isBlank()) {
            paths.add(Path.of(lslApiCfg));
        }
        paths.add(workingDirectory.resolve("lsl_api.cfg"));
        paths.add(home.resolve("lsl_api").resolve("lsl_api.cfg"));
        paths.add(Path.of("/etc/lsl_api/lsl_api.cfg"));
        return paths;
    }

    public static LslConfig fromFile(Path file) {
        try {
            return fromIni(IniFile.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read LSL config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the text of an {@code lsl_api.cfg}; {@code source} names it in messages. */
    public static LslConfig parse(String text, String source) {
        return fromIni(IniFile.parse(text, source));
    }

    private static LslConfig fromIni(IniFile ini) {
        String ipv6 = ini.get("ports", "IPv6").orElse("allow");
        if (ipv6.equals("force")) {
            throw new IllegalArgumentException(ini.where("ports", "IPv6")
                    + " = force asks for IPv6 only; naoyu's LSL speaks IPv4, so use 'allow' or 'disable'");
        }
        int multicastPort = intValue(ini, "ports", "MulticastPort", 16571);
        int basePort = intValue(ini, "ports", "BasePort", 16572);
        int portRange = intValue(ini, "ports", "PortRange", 32);
        boolean allowRandomPorts = boolValue(ini, "ports", "AllowRandomPorts", true);
        Ports ports = inFile(ini, "[ports]", () -> new Ports(multicastPort, basePort, portRange, allowRandomPorts));
        ResolveScope scope = ini.get("multicast", "ResolveScope")
                .map(text -> parseValue(ini, "multicast", "ResolveScope", text, ResolveScope::fromConfigName))
                .orElse(ResolveScope.MACHINE);
        Map<ResolveScope, List<String>> addresses = Map.of(
                ResolveScope.MACHINE, listValue(ini, "multicast", "MachineAddresses", List.of(LOOPBACK)),
                ResolveScope.LINK, listValue(ini, "multicast", "LinkAddresses",
                        List.of("255.255.255.255", "224.0.0.1", "224.0.0.183")),
                ResolveScope.SITE, listValue(ini, "multicast", "SiteAddresses", List.of("239.255.172.215")),
                ResolveScope.ORGANIZATION, listValue(ini, "multicast", "OrganizationAddresses", List.of()),
                ResolveScope.GLOBAL, listValue(ini, "multicast", "GlobalAddresses", List.of()));
        Tuning defaults = Tuning.liblslDefaults();
        int protocol = intValue(ini, "tuning", "UseProtocolVersion", defaults.useProtocolVersion());
        double multicastMinRtt = doubleValue(ini, "tuning", "MulticastMinRTT", defaults.multicastMinRttSec());
        double unicastMinRtt = doubleValue(ini, "tuning", "UnicastMinRTT", defaults.unicastMinRttSec());
        double timeUpdateInterval = doubleValue(ini, "tuning", "TimeUpdateInterval", defaults.timeUpdateIntervalSec());
        int probeCount = intValue(ini, "tuning", "TimeProbeCount", defaults.timeProbeCount());
        double probeInterval = doubleValue(ini, "tuning", "TimeProbeInterval", defaults.timeProbeIntervalSec());
        int minProbes = intValue(ini, "tuning", "TimeUpdateMinProbes", defaults.timeUpdateMinProbes());
        double watchdog = doubleValue(ini, "tuning", "WatchdogTimeThreshold", defaults.watchdogThresholdSec());
        Tuning tuning = inFile(ini, "[tuning]", () -> new Tuning(protocol, multicastMinRtt, unicastMinRtt,
                timeUpdateInterval, probeCount, probeInterval, minProbes, watchdog));
        List<String> knownPeers = listValue(ini, "lab", "KnownPeers", List.of());
        String sessionId = ini.get("lab", "SessionID").orElse("default");
        LslConfig config = inFile(ini, "", () -> new LslConfig(ports, scope, withoutIpv6(addresses), knownPeers,
                sessionId, tuning, ini.source()));
        if (config.scope != ResolveScope.MACHINE) {
            LOG.info("LSL discovery scope is '{}' (from {}): queries leave this machine", scope.configName(),
                    ini.source());
        }
        return config;
    }

    /** The same settings with another scope, e.g. from a {@code --lsl-scope} flag. */
    public LslConfig withScope(ResolveScope newScope) {
        return new LslConfig(ports, newScope, addresses, knownPeers, sessionId, tuning,
                source + ", scope " + newScope.configName());
    }

    /** The same settings with another session id. */
    public LslConfig withSessionId(String newSessionId) {
        return new LslConfig(ports, scope, addresses, knownPeers, newSessionId, tuning, source);
    }

    /** The same settings with other ports, e.g. a private range for tests. */
    public LslConfig withPorts(Ports newPorts) {
        return new LslConfig(newPorts, scope, addresses, knownPeers, sessionId, tuning, source);
    }

    /** The same settings with other timing. */
    public LslConfig withTuning(Tuning newTuning) {
        return new LslConfig(ports, scope, addresses, knownPeers, sessionId, newTuning, source);
    }

    /** The discovery address list of the current scope: the lists of this scope and all narrower ones. */
    public List<String> scopeAddresses() {
        Set<String> result = new LinkedHashSet<>();
        for (ResolveScope s : ResolveScope.values()) {
            if (s.compareTo(scope) <= 0) {
                result.addAll(addresses.get(s));
            }
        }
        return List.copyOf(result);
    }

    /**
     * Every address a discovery query goes to: each scope address on the discovery port; when the loopback address
     * is among them, also 127.0.0.1 on every data port (the only way to reach every outlet on this machine, §4.5);
     * and each known peer on every data port.
     */
    public List<InetSocketAddress> discoveryTargets() {
        Set<InetSocketAddress> targets = new LinkedHashSet<>();
        for (String address : scopeAddresses()) {
            targets.add(new InetSocketAddress(literal(address), ports.multicastPort()));
        }
        List<String> unicastHosts = new ArrayList<>();
        if (scopeAddresses().contains(LOOPBACK)) {
            unicastHosts.add(LOOPBACK);
        }
        unicastHosts.addAll(knownPeers);
        for (String host : unicastHosts) {
            for (int port : ports.dataPorts()) {
                targets.add(isIpv4Literal(host) ? new InetSocketAddress(literal(host), port)
                        : InetSocketAddress.createUnresolved(host, port));
            }
        }
        return List.copyOf(targets);
    }

    /** Whether discovery stays on this machine: every target is in 127.0.0.0/8. */
    public boolean isLoopbackOnly() {
        return discoveryTargets().stream()
                .allMatch(t -> !t.isUnresolved() && t.getAddress().isLoopbackAddress());
    }

    /** Where outlets bind their sockets: 127.0.0.1 in the machine scope, all interfaces when a lab opted in. */
    public String bindAddress() {
        return scope == ResolveScope.MACHINE ? LOOPBACK : "0.0.0.0";
    }

    /** The multicast TTL of the scope. */
    public int multicastTtl() {
        return scope.multicastTtl();
    }

    private static Map<ResolveScope, List<String>> withoutIpv6(Map<ResolveScope, List<String>> addresses) {
        Map<ResolveScope, List<String>> result = new EnumMap<>(ResolveScope.class);
        addresses.forEach((s, list) -> result.put(s, list.stream().filter(a -> !a.contains(":")).toList()));
        return result;
    }

    private static int intValue(IniFile ini, String section, String key, int fallback) {
        return ini.get(section, key).map(text -> parseValue(ini, section, key, text, Integer::parseInt)).orElse(fallback);
    }

    private static double doubleValue(IniFile ini, String section, String key, double fallback) {
        return ini.get(section, key).map(text -> parseValue(ini, section, key, text, Double::parseDouble))
                .orElse(fallback);
    }

    /** liblsl counts a boolean as true only when it is written {@code 1}. */
    private static boolean boolValue(IniFile ini, String section, String key, boolean fallback) {
        return ini.get(section, key).map("1"::equals).orElse(fallback);
    }

    /** liblsl's list syntax: {@code {a, b, c}}, braces optional, empty braces for none. */
    private static List<String> listValue(IniFile ini, String section, String key, List<String> fallback) {
        Optional<String> text = ini.get(section, key);
        if (text.isEmpty()) {
            return fallback;
        }
        String inner = text.get().strip();
        if (inner.startsWith("{") && inner.endsWith("}")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Runs a parse and prefixes any complaint with the file, section and key it came from. */
    private static <T> T parseValue(IniFile ini, String section, String key, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ini.where(section, key) + " must be a number, got '" + text + "'", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ini.where(section, key) + ": " + e.getMessage(), e);
        }
    }

    /** Builds a part of the settings and prefixes any complaint with the file (and section) it came from. */
    private static <T> T inFile(IniFile ini, String section, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ini.source() + (section.isEmpty() ? "" : " " + section) + ": "
                    + e.getMessage(), e);
        }
    }

    private static void checkPort(String key, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(key + " must be in [1, 65535], got " + port);
        }
    }

    private static void positive(String key, double seconds) {
        if (!(seconds > 0 && seconds <= 3600)) {
            throw new IllegalArgumentException(key + " must be in (0, 3600] seconds, got " + seconds);
        }
    }

    private static void checkNonNull(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
    }

    private static void checkIpv4Literal(String field, String address) {
        if (!isIpv4Literal(address)) {
            throw new IllegalArgumentException(field + " must be an IPv4 address such as 127.0.0.1, got '"
                    + address + "'");
        }
    }

    static boolean isIpv4Literal(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 literal as an address, without any name lookup. */
    private static java.net.InetAddress literal(String ipv4) {
        String[] parts = ipv4.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return java.net.InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("four bytes are always a valid IPv4 address", e);
        }
    }
}
