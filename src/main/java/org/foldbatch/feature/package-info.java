/**
 * AlphaFold 3's featurisation of a completed input, per seed: {@link org.foldbatch.feature.Featuriser} builds the
 * structure AlphaFold 3 builds from the input (chain order, unknown-only chains dropped, linking leaving atoms),
 * tokenises it, and computes the token, MSA (with species pairing), template, reference-structure, atom-layout and
 * bond features with AlphaFold 3's names, dtypes and shapes; {@link org.foldbatch.feature.FeatureBatch} writes them
 * in the weights-file record layout.
 *
 * <p>Where this departs from AlphaFold 3, on purpose or by necessity:
 * <ul>
 *   <li>Conformers come from OpenChemLib, not RDKit ETKDGv3, and the random stream is Java's, so {@code ref_pos}
 *       (and therefore {@code frames_mask} in borderline cases) differ from AlphaFold 3's; the fallback order
 *       (conformer, CCD ideal coordinates, model coordinates for entries modified before the cut-off, zeros) is the
 *       same. An atom with one {@code ?} coordinate counts as wholly unknown. A conformer's seed is derived from
 *       the component and the model seed (AlphaFold 3 draws one per residue from the seed's stream), so all residues
 *       of one component share a conformer and the bytes never depend on the process's history. A conformer is
 *       quality-checked (CCD ideal geometry, or {@link org.foldbatch.feature.StandardGeometry} for SMILES ligands,
 *       and CIP labels) and counts as failed when it does not pass; AlphaFold 3 takes whatever RDKit embeds. For a
 *       SMILES ligand, whose fallback is zeros, a failing conformer is first minimised (MMFF94s+) and up to eight
 *       seeded attempts are made.</li>
 *   <li>SMILES ligands are parsed by {@link org.foldbatch.feature.SmilesGraph} following RDKit's grammar rather
 *       than by RDKit; it reproduces the atom order, bond order and direction, names and charges AlphaFold 3 gets
 *       (including the sanitizer's nitro/halogen-oxide clean-up), but not RDKit's valence checks: a SMILES RDKit
 *       rejects for chemistry (not syntax) is featurised anyway.</li>
 *   <li>Species pairing and overlap removal use stable sorts; numpy's unstable argsort may order ties differently.
 *       Only row order inside a pairing block can differ.</li>
 *   <li>AlphaFold 3's glycan lists for dropping an unbonded O1 are approximated by the CCD type (any
 *       saccharide).</li>
 *   <li>The user CCD is scoped to one featurisation; AlphaFold 3 leaks it into a process-wide cache.</li>
 *   <li>Gathers reproduce AlphaFold 3's identity matching exactly, including padding elements matching padding
 *       (("", 0, "") keys) and the key windows that wrap around for systems under 128 atoms.</li>
 * </ul>
 */
package org.foldbatch.feature;
