package io.yardstick.cli;

import io.yardstick.Parse;
import io.yardstick.UnknownNameException;
import io.yardstick.YardstickException;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.Vocabulary;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code yardstick} command. Only wiring: each verb is a command class of its own, and every
 * number comes from the core. Exit codes: 0 ok, 1 failure, 2 bad usage (an unknown option, name or
 * dimension); errors are one message, not a stack trace (YARDSTICK_DEBUG=1 shows it).
 */
@Command(
    name = "yardstick",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    // the verbs are added by commandLine(args): only the one a command line names is built
    description =
        "Customer-service KPIs computed right: import what your help desk, phone system and surveys record,"
            + " and measure how your service is doing.")
public final class Main {
  /** The verbs, in the order of the usage help. */
  private static final List<Class<?>> VERBS =
      List.of(
          ImportCommand.class,
          KpiCommand.class,
          KpisCommand.class,
          ConsistencyCommand.class,
          ServeCommand.class,
          UserCommand.class,
          TopicsCommand.class,
          StaffCommand.class,
          ForecastCommand.class,
          GoalCommand.class,
          ReportCommand.class,
          AlertCommand.class,
          DemoCommand.class,
          AuditCommand.class,
          EraseCommand.class,
          ExportCommand.class,
          SurveyCommand.class,
          RollupsCommand.class);

  /**
   * The command tree for a command line. Building picocli's model of every verb and its options
   * (reflection over some hundred annotated fields) was a fifth of a small command's start-up, so a
   * command line that names a verb gets that verb alone, and {@code --version} none; anything else
   * (the top-level help, {@code help VERB}, a misspelt verb) gets them all.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    String first = args.length > 0 ? args[0] : "";
    if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) return cli;
    for (Class<?> verb : VERBS) {
      Command c = verb.getAnnotation(Command.class);
      if (c.name().equals(first) || java.util.Arrays.asList(c.aliases()).contains(first)) {
        cli.addSubcommand(verb);
        return cli;
      }
    }
    for (Class<?> verb : VERBS) cli.addSubcommand(verb);
    cli.addSubcommand(new CommandLine.HelpCommand());
    return cli;
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given output streams and returns its exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    addHelp(cli);
    // One parser per concept, the core's (Parse), for every option of that type.
    cli.registerConverter(java.time.LocalDate.class, text -> convert(() -> Parse.date(text)));
    cli.registerConverter(java.time.ZoneId.class, text -> convert(() -> Parse.zone(text)));
    cli.registerConverter(Kpi.class, text -> convert(() -> Parse.kpi(text)));
    cli.registerConverter(java.time.Instant.class, text -> convert(() -> Parse.instant(text)));
    cli.registerConverter(Integer.class, text -> convert(() -> Parse.wholeNumber(text)));
    cli.registerConverter(int.class, text -> convert(() -> Parse.wholeNumber(text)));
    cli.registerConverter(Double.class, text -> convert(() -> Parse.number(text)));
    cli.registerConverter(double.class, text -> convert(() -> Parse.number(text)));
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof LocalCommands.Served served) {
            return LocalCommands.forward(
                served,
                commandLine.getCommandSpec().qualifiedName(),
                args,
                commandLine.getOut(),
                commandLine.getErr());
          }
          if (e instanceof YardstickException y) {
            commandLine.getErr().println("yardstick: " + message(y));
          } else {
            commandLine.getErr().println("yardstick: unexpected error: " + e);
          }
          if (System.getenv("YARDSTICK_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          }
          commandLine.getErr().flush();
          return e instanceof UnknownNameException ? 2 : 1;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** A core message with its fields named as this command line's flags ({by} is --by). */
  static String message(YardstickException e) {
    return e.render(field -> "--" + field.replace('_', '-'));
  }

  /**
   * The core parser's refusal as picocli's conversion failure, so that usageError names the option.
   */
  private static <T> T convert(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (Parse.InvalidValueException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  /**
   * A whole-number option within the range the API gives the same parameter, refused in the same
   * words ("'-1' is not a whole number from 0 to 10000.").
   */
  static int bounded(CommandLine cli, String option, int value, int min, int max) {
    try {
      return (int) Parse.within(value, min, max);
    } catch (Parse.InvalidValueException e) {
      throw new CommandLine.ParameterException(cli, option + ": " + e.getMessage());
    }
  }

  /** Every command and subcommand takes --help (and -h). */
  private static void addHelp(CommandLine cli) {
    CommandLine.Model.CommandSpec spec = cli.getCommandSpec();
    if (spec.findOption("--help") == null) {
      spec.addOption(
          CommandLine.Model.OptionSpec.builder("-h", "--help")
              .usageHelp(true)
              .description("Show this help message and exit.")
              .build());
    }
    cli.getSubcommands().values().forEach(Main::addHelp);
  }

  /**
   * The command's options closest to a misspelt one: the same words in another order, else a small
   * edit away.
   */
  static List<String> closestOptions(CommandLine.Model.CommandSpec spec, String typo) {
    String name = typo.contains("=") ? typo.substring(0, typo.indexOf('=')) : typo;
    List<String> options =
        spec.options().stream()
            .flatMap(o -> java.util.Arrays.stream(o.names()))
            .filter(n -> n.startsWith("--"))
            .toList();
    List<String> sameWords = options.stream().filter(o -> words(o).equals(words(name))).toList();
    if (!sameWords.isEmpty()) return sameWords;
    String closest = Vocabulary.closest(name, options);
    return closest == null ? List.of() : List.of(closest);
  }

  private static List<String> words(String option) {
    return java.util.Arrays.stream(option.replaceFirst("^-+", "").split("-")).sorted().toList();
  }

  /**
   * A usage error is its message, the closest options when an option is misspelt, and one line
   * pointing to --help; not forty lines of usage.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    // A value the core's parser refused: the option, then the parser's message (which names the
    // value and the fix).
    List<String> unknown = unknownOptions(cmd, args);
    String verb = unknownCommand(e, cmd);
    if (verb != null) {
      // A misspelt command: the closest one, and where the list is.
      String closest =
          Vocabulary.closest(
              verb.toLowerCase(java.util.Locale.ROOT),
              cmd.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList());
      err.println(
          "yardstick: unknown command '"
              + verb
              + "'"
              + (closest == null ? "" : " (did you mean " + closest + "?)")
              + "; 'yardstick help' lists the commands.");
      err.flush();
      return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
    if (e instanceof CommandLine.MissingParameterException && !unknown.isEmpty()) {
      // A misspelt required option (--form for --from) is reported as what it is, not only as
      // the option it left missing.
      err.println(
          "yardstick: Unknown option"
              + (unknown.size() > 1 ? "s" : "")
              + ": "
              + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList()));
      for (String arg : unknown) {
        List<String> suggestions = closestOptions(cmd.getCommandSpec(), arg);
        if (!suggestions.isEmpty())
          err.println("Did you mean " + String.join(" or ", suggestions) + "?");
      }
    }
    if (e.getCause() instanceof CommandLine.TypeConversionException
        && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
      err.println("yardstick: " + option.longestName() + ": " + e.getCause().getMessage());
    } else {
      err.println("yardstick: " + e.getMessage());
    }
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      for (String arg : u.getUnmatched()) {
        if (!arg.startsWith("--")) continue;
        List<String> suggestions = closestOptions(cmd.getCommandSpec(), arg);
        if (!suggestions.isEmpty())
          err.println("Did you mean " + String.join(" or ", suggestions) + "?");
      }
    }
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for its options.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * The command a person misspelt: the first unmatched argument of a command that has subcommands
   * and no positional parameters, when it is not an option; else null.
   */
  private static String unknownCommand(CommandLine.ParameterException e, CommandLine cmd) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException u)
        || cmd.getSubcommands().isEmpty()
        || !cmd.getCommandSpec().positionalParameters().isEmpty()
        || u.getUnmatched().isEmpty()) return null;
    String first = u.getUnmatched().get(0);
    return first.startsWith("-") ? null : first;
  }

  /** The arguments after the command's name that look like long options it does not have. */
  private static List<String> unknownOptions(CommandLine cmd, String[] args) {
    CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
    List<String> out = new java.util.ArrayList<>();
    int start =
        cmd.getParent() == null ? 0 : java.util.Arrays.asList(args).indexOf(spec.name()) + 1;
    for (String arg : java.util.Arrays.asList(args).subList(start, args.length)) {
      if (!arg.startsWith("--") || arg.equals("--")) continue;
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (spec.findOption(name) == null && !out.contains(name)) out.add(name);
    }
    return out;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"yardstick " + (v == null ? "(development build)" : v)};
    }
  }
}
