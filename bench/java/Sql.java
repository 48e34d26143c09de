import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * A minimal SQL client for the bench scripts (bench/cluster, bench/dbcost), run as a single-file
 * program with the service's own JDBC driver (bench/pgdriver.py), so no psql is needed:
 *   java -cp pg.jar bench/java/Sql.java JDBC_URL [USER [PASSWORD]]  < statements
 * Reads one statement per line from stdin (autocommit on, so each is its own transaction) and prints,
 * for each, its rows as tab-separated values followed by a line holding only "--" (a statement
 * without rows prints just the "--"). NULL prints as an empty field. Output is flushed per statement,
 * so a caller can keep the process open and talk to it line by line (one JVM for many queries).
 */
public class Sql {

    public static void main(String[] args) throws Exception {
        String user = args.length > 1 ? args[1] : "postgres";
        String password = args.length > 2 ? args[2] : "postgres";
        try (Connection connection = DriverManager.getConnection(args[0], user, password);
             BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            connection.setAutoCommit(true);
            String line;
            while ((line = input.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                StringBuilder out = new StringBuilder();
                try (Statement statement = connection.createStatement()) {
                    boolean rows = statement.execute(line);
                    while (true) {
                        if (rows) {
                            try (ResultSet result = statement.getResultSet()) {
                                ResultSetMetaData meta = result.getMetaData();
                                while (result.next()) {
                                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                                        if (column > 1) {
                                            out.append('\t');
                                        }
                                        String value = result.getString(column);
                                        out.append(value == null ? "" : value.replace('\t', ' ').replace('\n', ' '));
                                    }
                                    out.append('\n');
                                }
                            }
                        } else if (statement.getUpdateCount() == -1) {
                            break;
                        }
                        rows = statement.getMoreResults();
                    }
                } catch (java.sql.SQLException failed) {
                    out.append("ERROR\t").append(failed.getMessage().replace('\n', ' ')).append('\n');
                }
                out.append("--\n");
                System.out.print(out);
                System.out.flush();
            }
        }
    }
}
