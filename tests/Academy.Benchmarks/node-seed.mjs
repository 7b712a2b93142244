// The script a user would write instead of `academy-sandbox up`, run as its own process like `up`:
// read the items (DynamoDB JSON, one a line, so this side does no marshalling at all), create the
// table, wait for it, BatchWriteItem 25 a request with CONCURRENCY requests in flight, UnprocessedItems
// sent again. usage: node node-seed.mjs ENDPOINT TABLE ITEMS_FILE CONCURRENCY
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const engine = process.env.ACADEMY_ENGINE_DIR ?? path.resolve(here, "../../seed/engine");
const require = createRequire(path.join(engine, "package.json"));
const { DynamoDBClient, CreateTableCommand, DescribeTableCommand, BatchWriteItemCommand } = require("@aws-sdk/client-dynamodb");

const [endpoint, table, itemsFile, concurrency] = process.argv.slice(2);
const items = readFileSync(itemsFile, "utf8").split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l));
const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" } });

await client.send(new CreateTableCommand({
  TableName: table,
  AttributeDefinitions: [{ AttributeName: "name", AttributeType: "S" }],
  KeySchema: [{ AttributeName: "name", KeyType: "HASH" }],
  BillingMode: "PROVISIONED",
  ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
}));
while ((await client.send(new DescribeTableCommand({ TableName: table }))).Table.TableStatus !== "ACTIVE") {
  await new Promise((r) => setTimeout(r, 50));
}

const batches = [];
for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })));
let next = 0;
await Promise.all(Array.from({ length: Number(concurrency) }, async () => {
  while (next < batches.length) {
    let pending = batches[next++];
    while (pending.length > 0) {
      const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = out.UnprocessedItems?.[table] ?? [];
    }
  }
}));
