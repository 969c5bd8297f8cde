package io.yardstick.store;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstances;

/**
 * One kit of the {@link StoreTck}: abstract tests of one feature that every store must pass. A kit
 * asks for a new, empty store with {@link #newStore()}, which the {@code StoreTck} it is nested in
 * answers, so a kit is added to every store by one line in {@code StoreTck}:
 *
 * <pre>{@code
 * @Nested class Goals extends GoalStorageKit {}
 * }</pre>
 *
 * <p>The TCK is found among JUnit's test instances (the enclosing instances of a {@code @Nested}
 * class, as Micrometer's compatibility kit finds its registry) before the kit's own
 * {@code @BeforeAll} or {@code @BeforeEach} methods run.
 */
@ExtendWith(StoreKit.FromTck.class)
public abstract class StoreKit {
  private StoreTck tck;

  /** A new, empty store of the store under test. */
  protected Store newStore() throws Exception {
    if (tck == null) {
      throw new IllegalStateException(
          getClass().getName() + " runs only as a @Nested class of a StoreTck");
    }
    return tck.newStore();
  }

  /** Hands each kit instance the TCK it is nested in. */
  static final class FromTck implements BeforeAllCallback, BeforeEachCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      context
          .getTestInstances()
          .ifPresent(FromTck::bind); // kits with one instance per class (@TestInstance)
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      bind(context.getRequiredTestInstances());
    }

    private static void bind(TestInstances instances) {
      instances
          .findInstance(StoreKit.class)
          .ifPresent(kit -> kit.tck = instances.findInstance(StoreTck.class).orElse(null));
    }
  }
}
