/**
 * AlphaFold 3's fixed vocabularies that several stages share (its {@code src/alphafold3/constants}): chain types,
 * residue names and the periodic table. Plain data, no dependencies, so input parsing, structure writing,
 * featurisation and output all read the same tables.
 */
package org.foldbatch.constants;
