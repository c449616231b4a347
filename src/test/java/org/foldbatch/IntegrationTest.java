package org.foldbatch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that needs something outside this JVM: PostgreSQL, RabbitMQ, HMMER, gemmi, a shell or a child JVM. Such tests
 * run in {@code mvn verify} (Failsafe, integration-test phase), not in {@code mvn test}. Put it on the class when
 * every test needs the service, on single methods otherwise.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {

    /** The JUnit tag Surefire excludes and Failsafe selects. */
    String TAG = "integration";
}
