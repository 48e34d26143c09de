import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.UUID;

/**
 * bench/ledger's database helper (run as a single-file program with the service's own JDBC driver):
 *   seed URL N KEK appends N refresh-rotation events straight into the event table, in batches, sealed
 *                  as the service seals them (KEK: the service's key-encryption-key file)
 *   sealed URL     prints "events sealed" (the head of the event table, the chain's tip)
 *   hold-sealer URL SECONDS  holds the sealer's advisory lock (bench/run: refresh with the sealer paused)
 * Straight SQL because the point is the reading side at scale, not how fast events can be written.
 */
public class LedgerSeed {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[1], "postgres", "postgres")) {
            if (args[0].equals("hold-sealer")) {
                // The service's sealer takes this advisory lock for each round (LedgerSealer.LOCK_KEY);
                // holding it pauses sealing exactly as another instance sealing would.
                connection.createStatement().execute("SELECT pg_advisory_lock(" + 0x4C45444745524CL + ")");
                System.out.println("held");
                System.out.flush();
                Thread.sleep(Long.parseLong(args[2]) * 1000);
            } else if (args[0].equals("seed")) {
                seed(connection, Long.parseLong(args[2]), Path.of(args[3]));
            } else {
                try (ResultSet row = connection.createStatement().executeQuery(
                        "SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry),"
                                + " (SELECT coalesce(max(position), 0) FROM ledger_chain)")) {
                    row.next();
                    System.out.println(row.getLong(1) + " " + row.getLong(2));
                }
            }
        }
    }

    /**
     * Refresh rotations of 1,000 accounts in the stored form the service writes: revision 2, both token
     * hashes sealed (AES-256-GCM, event id and field as associated data) under the account's data key,
     * which is itself sealed by the service's key-encryption key (read from its data directory), so
     * the decoded stream pays for opening every field as it would in production.
     */
    private static void seed(Connection connection, long events, Path keyEncryptionKeyFile) throws Exception {
        SecretKeySpec keyEncryptionKey = new SecretKeySpec(Base64.getDecoder().decode(
                Files.readString(keyEncryptionKeyFile).strip()), "AES");
        int accounts = 1_000;
        SecretKeySpec[] dataKeys = new SecretKeySpec[accounts];
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO data_key (subject, sealed_key, created_at) VALUES (?, ?, now()) ON CONFLICT DO NOTHING")) {
            for (int account = 0; account < accounts; account++) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                dataKeys[account] = new SecretKeySpec(key, "AES");
                insert.setString(1, "acc_bench_" + account);
                insert.setBytes(2, seal(keyEncryptionKey, Base64.getEncoder().encodeToString(key).getBytes(StandardCharsets.UTF_8),
                        ("data-key:acc_bench_" + account).getBytes(StandardCharsets.UTF_8)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
        String hash = "a".repeat(64);
        String sql = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                + " payload_type, payload_revision, payload, meta_data)"
                + " VALUES (?, ?, ?, 'Session', ?, 'org.identityledger.events.session.RefreshTokenRotatedEvent', '2', ?, ?)";
        byte[] metaData = "{}".getBytes(StandardCharsets.UTF_8);
        int batch = 5_000;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (long n = 0; n < events; n++) {
                String eventId = UUID.randomUUID().toString();
                String session = "ses_bench_" + (n / 100);
                int account = (int) ((n / 1000) % accounts);
                SecretKeySpec key = dataKeys[account];
                String payload = "{\"session_id\":\"" + session + "\",\"account_ref\":\"acc_bench_" + account
                        + "\",\"spent_token_hash\":\"" + sealField(key, hash, eventId, "spent_token_hash")
                        + "\",\"new_token_hash\":\"" + sealField(key, hash, eventId, "new_token_hash")
                        + "\",\"generation\":" + (n % 100) + ",\"rotated_at\":\"2026-11-24T00:00:00Z\"}";
                insert.setString(1, eventId);
                insert.setString(2, session);
                insert.setLong(3, n % 100);
                insert.setString(4, "2026-11-24T00:00:00." + String.format("%03d", n % 1000) + "Z");
                insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
                insert.setBytes(6, metaData);
                insert.addBatch();
                if ((n + 1) % batch == 0 || n + 1 == events) {
                    insert.executeBatch();
                    connection.commit();
                    System.err.print("\r[bench] seeded " + (n + 1) + " events");
                }
            }
        }
        System.err.println();
    }

    /** The service's stored form of one sealed field (SealedFields in the events module). */
    private static String sealField(SecretKeySpec key, String value, String eventId, String field) throws Exception {
        byte[] sealed = seal(key, value.getBytes(StandardCharsets.UTF_8), (eventId + "|" + field).getBytes(StandardCharsets.UTF_8));
        return "sealed:v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    private static byte[] seal(SecretKeySpec key, byte[] plaintext, byte[] associatedData) throws Exception {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(associatedData);
        byte[] sealed = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }
}
