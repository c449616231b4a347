/**
 * The wwPDB Chemical Component Dictionary: {@link org.foldbatch.structure.ccd.Ccd} indexes a components.cif (plain
 * or gzipped) by {@code data_} block and parses a component on first use, so a full 400 MB dictionary costs one
 * scan; an input's userCCD is layered on top of it per job.
 */
package org.foldbatch.structure.ccd;
