package org.foldbatch.msa;

import java.nio.file.Path;

/** Sample data and sequences shared by the gene-search tests. */
final class TestData {

    static final Path DATABASES = Path.of("samples/databases");
    static final Path HMMER = Path.of("/usr/bin");

    /** UniRef90_UPI001CD804F7 (a response regulator) from the miniature UniRef90: hits in all four protein DBs. */
    static final String RESPONSE_REGULATOR = "MGHKVPKILVVDDEENARLALRVILQQEGYQVDSVANGLEALEFLRRHRVNVVISDIKMPQMNGLAFLREL"
            + "NRRYPSTRVIMVTAHGGIESYLEAIHLGAFEYIHKPVRVEELKWVMSKMFNEGRTAKAN";

    /** The 5tgy protein of AlphaFold 3's data pipeline test: no hits in the miniature databases. */
    static final String PROTEIN_5TGY = "SEFEKLRQTGDELVQAFQRLREIFDKGDDDSLEQVLEEIEELIQKHRQLFDNRQEAADTEAAKQGDQWVQLF"
            + "QRFREAIDKGDKDSLEQLLEELEQALQKIRELAEKKN";

    /** KB317698.1/876973-877093 (U6 snRNA) from the miniature Rfam, T written as U: hits in Rfam, RNAcentral and NT-RNA. */
    static final String U6_RNA = "GUCCUCUUCGGAGUGACAUAUACAAAAAUUGGAACGAUACAGAGAAGAUUAGCAUGGCCCCUGCACAAGGAUGACA"
            + "CGCUAGUUCAGAGUGGACGGUCUACGGACCGCAAUAUUUAUUUUU";

    private TestData() {
    }

    static Path database(String fileName) {
        return DATABASES.resolve(fileName);
    }

    /** The row with insertions removed: its length must equal the query length in a valid A3M. */
    static int alignedLength(String row) {
        return A3m.withoutInsertions(row).length();
    }
}
