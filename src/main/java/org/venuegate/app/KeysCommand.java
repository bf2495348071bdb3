package org.venuegate.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.venuegate.core.keys.KeyEntry;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.core.trust.TrustList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code venuegate keys}: the issuer's key ring and trust lists, for operators. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manages the signing keys (root, health, venue) and writes signed trust lists.",
        subcommands = {KeysCommand.Init.class, KeysCommand.ListKeys.class, KeysCommand.Rotate.class,
            KeysCommand.Revoke.class, KeysCommand.RevokeVenue.class, KeysCommand.WriteTrustList.class})
final class KeysCommand implements Callable<Integer> {
    /** Public half of the root key, written beside the ring so kiosks and {@code codes inspect} can pin it. */
    static final String ROOT_PUBLIC_FILE = "root.pub";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    static void writeRootPublic(Path dir, KeyRing ring) throws IOException {
        Files.writeString(dir.resolve(ROOT_PUBLIC_FILE), ring.root().orElseThrow().publicKey() + "\n", StandardCharsets.US_ASCII);
    }

    /** Shared by the subcommands: the key ring folder and error handling. */
    abstract static class KeysSub implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        Clock clock = Clock.systemUTC();

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public Integer call() {
            try {
                return run();
            } catch (IOException | IllegalStateException e) {
                spec.commandLine().getErr().println("venuegate keys " + spec.name() + ": " + e.getMessage());
                return 1;
            }
        }

        abstract int run() throws IOException;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Creates DIR/keyring.json with a root key and one health and one venue signing key, "
                    + "and DIR/root.pub (the root public key kiosks pin).")
    static final class Init extends KeysSub {
        @Parameters(index = "0", paramLabel = "DIR", description = "Folder for the key ring (created if missing).")
        Path dir;

        @Override
        int run() throws IOException {
            KeyRing ring = KeyRing.init(dir, clock.instant());
            writeRootPublic(dir, ring);
            for (KeyEntry k : ring.keys()) {
                out().printf("%-6s %s valid %s .. %s%n", k.role(), k.keyId(), k.notBefore(), k.notAfter());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the keys of the ring.")
    static final class ListKeys extends KeysSub {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Override
        int run() throws IOException {
            KeyRing ring = KeyRing.load(dir);
            Instant now = clock.instant();
            for (KeyEntry k : ring.keys()) {
                String state = k.revoked() ? "revoked" : k.usableAt(now) ? "active" : "inactive";
                out().printf("%-6s %s %-8s %s .. %s%n", k.role(), k.keyId(), state, k.notBefore(), k.notAfter());
            }
            List<Long> venues = ring.revokedVenueIds();
            if (!venues.isEmpty()) {
                out().println("revoked venues: " + venues);
            }
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Adds a new signing key; the old one stays valid for the overlap so existing codes keep verifying.")
    static final class Rotate extends KeysSub {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Option(names = "--role", required = true, description = "health or venue")
        KeyRole role;

        @Option(names = "--overlap", defaultValue = "7d", description = "How long the old key stays valid (default: ${DEFAULT-VALUE}).")
        Duration overlap;

        @Override
        int run() throws IOException {
            if (role == KeyRole.ROOT) {
                throw new IllegalStateException("the root key cannot be rotated: kiosks pin it; set up a new ring and re-pair them");
            }
            KeyEntry k = KeyRing.load(dir).rotate(role, clock.instant(), overlap);
            out().printf("%s %s valid %s .. %s%n", k.role(), k.keyId(), k.notBefore(), k.notAfter());
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a signing key at once; codes it signed stop verifying once kiosks get the next trust list.")
    static final class Revoke extends KeysSub {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Parameters(index = "1", paramLabel = "KID", description = "The key id (8 hex digits) from 'keys list'.")
        String keyId;

        @Override
        int run() throws IOException {
            KeyRing.load(dir).revokeKey(keyId);
            out().println("revoked " + keyId);
            return 0;
        }
    }

    @Command(name = "revoke-venue", mixinStandardHelpOptions = true,
            description = "Puts a venue id on the trust list's revocations.")
    static final class RevokeVenue extends KeysSub {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Parameters(index = "1", paramLabel = "VENUE_ID")
        long venueId;

        @Override
        int run() throws IOException {
            KeyRing.load(dir).revokeVenue(venueId);
            out().println("revoked venue " + venueId);
            return 0;
        }
    }

    @Command(name = "trust-list", mixinStandardHelpOptions = true,
            description = "Writes the signed trust list (issuer keys, revocations, signing time).")
    static final class WriteTrustList extends KeysSub {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Option(names = {"-o", "--out"}, description = "Output file (default: DIR/trust-list.json).")
        Path outFile;

        @Override
        int run() throws IOException {
            KeyRing ring = KeyRing.load(dir);
            TrustList list = ring.nextTrustList(clock.instant(), List.of());
            Path target = outFile != null ? outFile : dir.resolve("trust-list.json");
            Files.writeString(target, ring.signTrustList(list), StandardCharsets.UTF_8);
            writeRootPublic(dir, ring);
            out().printf("trust list %d with %d keys written to %s%n", list.sequence(), list.keys().size(), target);
            return 0;
        }
    }
}
