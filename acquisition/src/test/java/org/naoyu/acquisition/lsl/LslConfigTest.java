package org.naoyu.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which settings are chosen and where discovery would go; nothing here sends a packet. */
class LslConfigTest {

    @Test
    void defaultsStayOnThisMachine() {
        LslConfig config = LslConfig.defaults();
        assertEquals(ResolveScope.MACHINE, config.scope());
        assertEquals(List.of("127.0.0.1"), config.scopeAddresses());
        assertEquals("127.0.0.1", config.bindAddress());
        assertTrue(config.isLoopbackOnly());
        assertEquals(0, config.multicastTtl());
        assertEquals(new LslConfig.Ports(16571, 16572, 32, true), config.ports());
        assertEquals("default", config.sessionId());
        assertEquals(LslConfig.Tuning.liblslDefaults(), config.tuning());
    }

    /** §4.5: 127.0.0.1 on the discovery port reaches one outlet; every data port reaches all of them. */
    @Test
    void machineScopeQueriesTheDiscoveryPortAndEveryDataPortOnLoopback() {
        List<InetSocketAddress> targets = LslConfig.defaults().discoveryTargets();
        assertEquals(33, targets.size());
        assertEquals(new InetSocketAddress("127.0.0.1", 16571), targets.get(0));
        for (int i = 0; i < 32; i++) {
            assertEquals(new InetSocketAddress("127.0.0.1", 16572 + i), targets.get(i + 1));
        }
    }

    @Test
    void linkAndSiteScopesAreChosenOnlyWhenAskedFor() {
        LslConfig link = LslConfig.defaults().withScope(ResolveScope.LINK);
        assertEquals(List.of("127.0.0.1", "255.255.255.255", "224.0.0.1", "224.0.0.183"), link.scopeAddresses());
        assertFalse(link.isLoopbackOnly());
        assertEquals("0.0.0.0", link.bindAddress());
        assertEquals(1, link.multicastTtl());
        LslConfig site = LslConfig.parse("[multicast]\nResolveScope = site\n", "test.cfg");
        assertEquals(List.of("127.0.0.1", "255.255.255.255", "224.0.0.1", "224.0.0.183", "239.255.172.215"),
                site.scopeAddresses());
        assertEquals(24, site.multicastTtl());
        assertTrue(site.discoveryTargets().contains(new InetSocketAddress("239.255.172.215", 16571)));
    }

    @Test
    void readsLiblslKeysCaseSensitivelyAndIgnoresIpv6Addresses() {
        LslConfig config = LslConfig.parse(String.join("\n",
                "; a lab's file",
                "[ports]",
                "BasePort = 17000",
                "PortRange = 4",
                "MulticastPort = 16999",
                "AllowRandomPorts = true",
                "IPv6 = disable",
                "[multicast]",
                "ResolveScope = machine",
                "MachineAddresses = {127.0.0.1, FF01:113D:6FDD:2C17:A643:FFE2:1BD1:3CD2}",
                "[lab]",
                "KnownPeers = {127.0.0.2}",
                "SessionID = ward-3",
                "basePort = 1",
                "[tuning]",
                "TimeProbeCount = 4",
                "TimeUpdateMinProbes = 3"), "lsl_api.cfg");
        assertEquals(new LslConfig.Ports(16999, 17000, 4, false), config.ports(),
                "only '1' is true for liblsl, so AllowRandomPorts = true is false");
        assertEquals(List.of("127.0.0.1"), config.scopeAddresses());
        assertEquals(List.of("127.0.0.2"), config.knownPeers());
        assertEquals("ward-3", config.sessionId());
        assertEquals(4, config.tuning().timeProbeCount());
        assertEquals(3, config.tuning().timeUpdateMinProbes());
        assertEquals(List.of(
                new InetSocketAddress("127.0.0.1", 16999),
                new InetSocketAddress("127.0.0.1", 17000), new InetSocketAddress("127.0.0.1", 17001),
                new InetSocketAddress("127.0.0.1", 17002), new InetSocketAddress("127.0.0.1", 17003),
                new InetSocketAddress("127.0.0.2", 17000), new InetSocketAddress("127.0.0.2", 17001),
                new InetSocketAddress("127.0.0.2", 17002), new InetSocketAddress("127.0.0.2", 17003)),
                config.discoveryTargets());
        assertTrue(config.isLoopbackOnly(), "127.0.0.2 is loopback too");
    }

    @Test
    void aKnownPeerByNameIsNotLookedUpHere() {
        LslConfig config = LslConfig.parse("[lab]\nKnownPeers = {eeg-amp.lab}\n", "lsl_api.cfg");
        InetSocketAddress peer = config.discoveryTargets().get(33);
        assertTrue(peer.isUnresolved(), "no DNS query while choosing targets");
        assertEquals("eeg-amp.lab", peer.getHostString());
        assertFalse(config.isLoopbackOnly());
    }

    @Test
    void badValuesNameTheFileSectionAndKey() {
        assertEquals("lab.cfg [ports] BasePort must be a number, got 'high'", assertThrows(
                IllegalArgumentException.class, () -> LslConfig.parse("[ports]\nBasePort = high\n", "lab.cfg"))
                .getMessage());
        assertEquals("lab.cfg [multicast] ResolveScope: ResolveScope must be one of machine, link, site, "
                + "organization, global, got 'Machine'", assertThrows(IllegalArgumentException.class,
                () -> LslConfig.parse("[multicast]\nResolveScope = Machine\n", "lab.cfg")).getMessage());
        assertEquals("lab.cfg [ports]: PortRange must be in [1, 2] for BasePort 65534, got 32", assertThrows(
                IllegalArgumentException.class, () -> LslConfig.parse("[ports]\nBasePort = 65534\n", "lab.cfg"))
                .getMessage());
        assertEquals("lab.cfg [tuning]: UseProtocolVersion must be 110 (naoyu speaks LSL protocol 1.10), got 100",
                assertThrows(IllegalArgumentException.class,
                        () -> LslConfig.parse("[tuning]\nUseProtocolVersion = 100\n", "lab.cfg")).getMessage());
        assertEquals("lab.cfg [ports] IPv6 = force asks for IPv6 only; naoyu's LSL speaks IPv4, so use 'allow' or "
                + "'disable'", assertThrows(IllegalArgumentException.class,
                () -> LslConfig.parse("[ports]\nIPv6 = force\n", "lab.cfg")).getMessage());
        assertEquals("lab.cfg: link address must be an IPv4 address such as 127.0.0.1, got 'broadcast'",
                assertThrows(IllegalArgumentException.class,
                        () -> LslConfig.parse("[multicast]\nLinkAddresses = {broadcast}\n", "lab.cfg")).getMessage());
        assertEquals("lab.cfg line 2: expected 'Key = value', got 'BasePort 16572'", assertThrows(
                IllegalArgumentException.class, () -> LslConfig.parse("[ports]\nBasePort 16572\n", "lab.cfg"))
                .getMessage());
        assertEquals("lab.cfg [tuning]: TimeProbeInterval must be in (0, 3600] seconds, got -1.0", assertThrows(
                IllegalArgumentException.class, () -> LslConfig.parse("[tuning]\nTimeProbeInterval = -1\n",
                        "lab.cfg")).getMessage());
    }

    @Test
    void looksWhereLiblslLooksInItsOrder(@TempDir Path home) {
        Path cwd = Path.of("/work/dir");
        assertEquals(List.of(Path.of("/x/my.cfg"), cwd.resolve("lsl_api.cfg"),
                home.resolve("lsl_api/lsl_api.cfg"), Path.of("/etc/lsl_api/lsl_api.cfg")),
                LslConfig.searchPath("/x/my.cfg", cwd, home));
        assertEquals(List.of(cwd.resolve("lsl_api.cfg"), home.resolve("lsl_api/lsl_api.cfg"),
                Path.of("/etc/lsl_api/lsl_api.cfg")), LslConfig.searchPath(null, cwd, home));
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lsl_api.cfg");
        Files.writeString(file, "[multicast]\nResolveScope = link\n[lab]\nSessionID = s2\n");
        LslConfig config = LslConfig.fromFile(file);
        assertEquals(ResolveScope.LINK, config.scope());
        assertEquals("s2", config.sessionId());
        assertEquals(file.toString(), config.source());
        assertEquals(ResolveScope.MACHINE, config.withScope(ResolveScope.MACHINE).scope());
    }
}
