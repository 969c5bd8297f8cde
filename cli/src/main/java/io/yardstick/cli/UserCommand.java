package io.yardstick.cli;

import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yardstick user add|list|token|disable|enable}: the users of the web app and the API. */
@Command(
    name = "user",
    description = "Manage the users of the dashboard and the API.",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.ListUsers.class,
      UserCommand.Token.class,
      UserCommand.Disable.class,
      UserCommand.Enable.class
    })
final class UserCommand {
  @Command(
      name = "add",
      description = "Add a user and print a one-time password (changed at first log-in).")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The user name.")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description =
            "admin (users, settings), manager (everything), lead (their teams' numbers, --team) or agent"
                + " (own scorecard and contacts).")
    String role;

    @Option(
        names = "--agent",
        paramLabel = "AGENT_ID",
        description = "For agents: the agent_id of their contacts.")
    String agent;

    @Option(
        names = "--team",
        paramLabel = "TEAM",
        description = "For leads: a team whose contacts they see (repeat" + " for more teams).")
    List<String> teams = new ArrayList<>();

    @Mixin DbOption db;

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        Users users = new Users(store, Clock.systemUTC());
        if (!teams.isEmpty() && Role.of(role) != Role.LEAD) {
          throw new io.yardstick.YardstickException("Only a team lead (--role lead) has teams.");
        }
        String password =
            Role.of(role) == Role.LEAD
                ? users.addLead(name, teams)
                : users.add(name, Role.of(role), agent);
        CliAudit.record(
            store,
            "user",
            "user add",
            name.strip().toLowerCase(java.util.Locale.ROOT),
            "role "
                + Role.of(role).id()
                + (teams.isEmpty() ? "" : ", teams " + String.join(", ", teams)));
        spec.commandLine()
            .getOut()
            .println(
                "Added "
                    + name.strip().toLowerCase(java.util.Locale.ROOT)
                    + " ("
                    + Role.of(role).id()
                    + "); one-time password: "
                    + password);
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List the users.")
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DbOption db;

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "role", "agent", "teams", "password"));
        for (User u : new Users(store, Clock.systemUTC()).list()) {
          rows.add(
              List.of(
                  u.name(),
                  u.role().id(),
                  u.agentId() == null ? "" : u.agentId(),
                  String.join(",", u.teams()),
                  u.mustChangePassword() ? "one-time" : "set"));
        }
        PrintWriter out = spec.commandLine().getOut();
        Tables.print(out, rows, 5);
      }
      return 0;
    }
  }

  @Command(name = "token", description = "Create an API token for a user (shown once).")
  static final class Token implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The user the token acts as.")
    String name;

    @Option(names = "--label", paramLabel = "TEXT", description = "What the token is for.")
    String label;

    @Option(names = "--read-only", description = "The token may only read (GET).")
    boolean readOnly;

    @Option(
        names = "--expires-days",
        paramLabel = "DAYS",
        description = "The token ends after this many days (1 to" + " 3650; default: never).")
    Integer days;

    @Mixin DbOption db;

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        String token = new Users(store, Clock.systemUTC()).createToken(name, label, readOnly, days);
        CliAudit.record(
            store,
            "token",
            "user token",
            name,
            (label == null ? "" : "label " + label + ", ")
                + (readOnly ? "read-only" : "read-write")
                + (days == null ? "" : ", " + days + " days"));
        spec.commandLine().getOut().println(token);
      }
      return 0;
    }
  }

  /**
   * What disable and enable share: the user and the store; picocli reads the annotated fields of
   * the base.
   */
  abstract static class Switch implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The user.")
    String name;

    @Mixin DbOption db;

    abstract boolean disabled();

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        if (!new Users(store, Clock.systemUTC()).setDisabled(name, disabled())) {
          throw new io.yardstick.YardstickException("There is no user named '" + name + "'.");
        }
        CliAudit.record(store, "user", disabled() ? "user disable" : "user enable", name, null);
        spec.commandLine().getOut().println((disabled() ? "Disabled " : "Enabled ") + name + ".");
      }
      return 0;
    }
  }

  @Command(
      name = "disable",
      description =
          "Disable a user: no log-in, their tokens end (a session ends at its next" + " request).")
  static final class Disable extends Switch {
    @Override
    boolean disabled() {
      return true;
    }
  }

  @Command(name = "enable", description = "Enable a disabled user again.")
  static final class Enable extends Switch {
    @Override
    boolean disabled() {
      return false;
    }
  }
}
