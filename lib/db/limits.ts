/** DynamoDB's limit on items in one TransactWriteItems call (a side-effect-free module, for schemas). */
export const MAX_TRANSACTION_ITEMS = 100;
