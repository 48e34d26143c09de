-- An erased account's sessions keep no cookie-secret hash (the erasure handler now clears it, and a
-- replay of the ledger reads those hashes as erased): clear the ones erased before this change, so a
-- projection rebuild finds the live model equal to the ledger.
UPDATE session_view SET secret_hash = NULL
 WHERE secret_hash IS NOT NULL
   AND account_ref IN (SELECT account_ref FROM account_lookup WHERE email_normalized LIKE 'erased:%');
