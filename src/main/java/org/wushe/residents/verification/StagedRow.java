package org.wushe.residents.verification;

/** One valid list row, encrypted and blind-indexed, as it goes into the staging table. */
record StagedRow(
        int sourceRow,
        String communityCode,
        byte[] idNumberIndex,
        byte[] idNumberCipher,
        String name,
        byte[] phoneCipher,
        String address,
        String category,
        String listSource) {}
