package io.yardstick.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.YardstickException;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStartTest {
  @TempDir Path dir;

  @Test
  void a_port_in_use_is_named_with_the_fix() {
    try (Store store = Store.open(dir.resolve("s.duckdb").toString());
        YardstickServer first =
            YardstickServer.start(store, KpiSettings.defaults(), TestServer.CLOCK, 0)) {
      int port = first.port();

      assertThatThrownBy(
              () -> YardstickServer.start(store, KpiSettings.defaults(), TestServer.CLOCK, port))
          .isInstanceOf(YardstickException.class)
          .hasMessage(
              "Port "
                  + port
                  + " is in use (another Yardstick, or another server?); choose another with"
                  + " --port.");
    }
  }
}
