package io.yardstick.cli;

import io.yardstick.YardstickException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code yardstick} command. Only wiring: each verb is a command class of its own, and every number comes from the
 * core. Exit codes: 0 ok, 1 failure, 2 bad usage (an unknown option, name or dimension); errors are one message, not a stack trace (YARDSTICK_DEBUG=1 shows
 * it).
 */
@Command(
    name = "yardstick",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Customer-service KPIs computed right: import what your help desk, phone system and surveys record,"
        + " and measure how your service is doing.",
    subcommands = {ImportCommand.class, KpiCommand.class, KpisCommand.class, ConsistencyCommand.class, ServeCommand.class, UserCommand.class, TopicsCommand.class,
        StaffCommand.class, ForecastCommand.class, GoalCommand.class, AlertCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given output streams and returns its exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof YardstickException) {
        commandLine.getErr().println("yardstick: " + e.getMessage());
      } else {
        commandLine.getErr().println("yardstick: unexpected error: " + e);
      }
      if (System.getenv("YARDSTICK_DEBUG") != null) {
        e.printStackTrace(commandLine.getErr());
      }
      commandLine.getErr().flush();
      return e instanceof io.yardstick.UnknownNameException ? 2 : 1;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"yardstick " + (v == null ? "(development build)" : v)};
    }
  }
}
