package io.yardstick.sources.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.sources.CollectingLoader;
import io.yardstick.sources.Fuzzing;
import io.yardstick.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random, mutated and truncated queue_logs (seeded, so a failure names a case that can be
 * replayed): the importer either reads a log into rows that pass the canonical validation, or
 * refuses it with an ImportException; never anything else. Against a real store, a refused log
 * leaves the store exactly as it was.
 */
class QueueLogFuzzTest {
  private static final String[] EVENTS = {
    "ENTERQUEUE",
    "CONNECT",
    "COMPLETEAGENT",
    "COMPLETECALLER",
    "ABANDON",
    "EXITWITHTIMEOUT",
    "EXITEMPTY",
    "EXITWITHKEY",
    "TRANSFER",
    "BLINDTRANSFER",
    "ATTENDEDTRANSFER",
    "RINGNOANSWER",
    "RINGCANCELED",
    "AGENTLOGIN",
    "AGENTLOGOFF",
    "AGENTCALLBACKLOGIN",
    "AGENTCALLBACKLOGOFF",
    "ADDMEMBER",
    "REMOVEMEMBER",
    "PAUSE",
    "UNPAUSE",
    "PAUSEALL",
    "UNPAUSEALL",
    "QUEUESTART",
    "CONFIGRELOAD",
    "OUTDIAL",
    "connect",
    ""
  };
  private static final String[] CALLS = {
    "c1", "c2", "c3", "1767261700.12", "NONE", "MANAGER", "", "c\"1", "c,2"
  };
  private static final String[] AGENTS = {
    "SIP/alice", "Agent/bob", "Local/1127@ctx", "NONE", "", "carol", "/", "@"
  };
  private static final String[] QUEUES = {"support", "sales", "NONE", ""};
  private static final String[] VALUES = {
    "",
    "0",
    "5",
    "20",
    "180",
    "15000",
    "1.5",
    "5.",
    "+34600111222",
    "BRIDGE",
    "2001",
    "from-internal"
  };
  private static final String[] BAD_VALUES = {
    "-3", "abc", "1e3", ".", "99999999999999999999", "100000001"
  };

  @Test
  void random_and_truncated_logs_are_read_or_refused_never_crash() {
    int read = 0;
    int refused = 0;
    for (int seed = 0; seed < 4000; seed++) {
      String log = randomLog(new Random(seed));
      boolean ok =
          Fuzzing.readOrRefused(
              seed,
              "fuzz",
              log,
              () -> {
                CollectingLoader loader = new CollectingLoader();
                new QueueLogImporter()
                    .read(
                        ImportSource.of("fuzz", log.getBytes(StandardCharsets.UTF_8)),
                        loader,
                        b -> {});
                loader.validate();
              });
      if (ok) read++;
      else refused++;
    }
    // Both sides are exercised.
    assertThat(read).isGreaterThan(500);
    assertThat(refused).isGreaterThan(1000);
  }

  @TempDir Path dir;

  @Test
  void a_refused_log_leaves_the_store_as_it_was() {
    try (Store store = Store.open(dir.resolve("fuzz.duckdb").toString())) {
      QueueLogImporterTest.load(store, "queue_log", QueueLogFixtures.NATIVE);
      List<String> before = snapshot(store);
      int refused = 0;
      for (int seed = 0; seed < 300; seed++) {
        String log = QueueLogFixtures.NATIVE + randomLog(new Random(seed));
        try {
          QueueLogImporterTest.load(store, "fuzz", log);
          // Accepted: put the store back to the known state for the next case.
          store.update("DELETE FROM contacts");
          store.update("DELETE FROM call_outcomes");
          store.update("DELETE FROM agent_states");
          QueueLogImporterTest.load(store, "queue_log", QueueLogFixtures.NATIVE);
        } catch (ImportException e) {
          refused++;
        } catch (RuntimeException e) {
          fail("seed " + seed + " failed with " + e + " on:\n" + log, e);
        }
        assertThat(snapshot(store)).as("store after seed %d", seed).isEqualTo(before);
      }
      assertThat(refused).isGreaterThan(50);
    }
  }

  private static List<String> snapshot(Store store) {
    List<String> all = new ArrayList<>();
    for (String sql :
        List.of(
            "SELECT * FROM contacts ORDER BY contact_id",
            "SELECT * FROM call_outcomes ORDER BY 1",
            "SELECT * FROM agent_states ORDER BY agent_id, started_at")) {
      all.addAll(QueueLogImporterTest.rows(store, sql));
    }
    return all;
  }

  /**
   * A log of up to 30 lines: plausible lines with random fields, mutated or truncated lines, and
   * garbage.
   */
  static String randomLog(Random r) {
    StringBuilder b = new StringBuilder();
    boolean csv = r.nextInt(5) == 0;
    if (csv)
      b.append(
          r.nextBoolean()
              ? "time,callid,queuename,agent,event,data1,data2,data3,data4,data5\n"
              : "uid,date_time,callid,queue_name,type,event,param1,param2,param3,entpos,expos,htime,ttime,time\n");
    List<String> base = QueueLogFixtures.NATIVE.lines().toList();
    long t = 1767261600L;
    int n = r.nextInt(30);
    for (int i = 0; i < n; i++) {
      String line;
      int kind = r.nextInt(40);
      if (kind < 24) {
        t += r.nextInt(30) - 3; // now and then a step back in time
        StringBuilder l =
            new StringBuilder()
                .append(t)
                .append('|')
                .append(pick(r, CALLS))
                .append('|')
                .append(pick(r, QUEUES))
                .append('|')
                .append(pick(r, AGENTS))
                .append('|')
                .append(pick(r, EVENTS));
        int data = r.nextInt(7);
        for (int d = 0; d < data; d++)
          l.append('|').append(pick(r, r.nextInt(30) == 0 ? BAD_VALUES : VALUES));
        line = l.toString();
      } else if (kind < 36) {
        line = base.get(r.nextInt(base.size()));
      } else if (kind < 39) {
        String s = base.get(r.nextInt(base.size()));
        line = s.substring(0, r.nextInt(s.length() + 1)); // truncated
      } else {
        char[] junk = new char[r.nextInt(30)];
        for (int j = 0; j < junk.length; j++)
          junk[j] =
              (char) (r.nextInt(3) == 0 ? "|,\"\n\r\t".charAt(r.nextInt(6)) : 32 + r.nextInt(95));
        line = new String(junk);
      }
      if (csv) line = line.replace('|', ',');
      b.append(line).append(r.nextInt(20) == 0 ? "\r\n" : "\n");
    }
    return b.toString();
  }

  private static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }
}
