package org.foldbatch.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The setting a flag's field gives, next to the flag's declaration. For a repeatable {@code NAME=VALUE} flag it is
 * the prefix each name is appended to. {@link FlagSettings#of} reads every such field of the option groups.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Setting {
    String value();
}
