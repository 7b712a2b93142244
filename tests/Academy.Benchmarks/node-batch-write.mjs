// The Node baseline: the same items written with @aws-sdk/client-dynamodb's BatchWriteItem, 25 a
// request, the same number of requests in flight, UnprocessedItems retried with backoff.
// usage: node node-batch-write.mjs ENDPOINT TABLE ITEMS_FILE CONCURRENCY
// ITEMS_FILE holds one item in DynamoDB JSON per line. Prints {"items": n, "ms": t, "cpuMs": c} (wall
// time and this process's CPU time) for the writes after the table is ACTIVE (a first pass into
// TABLE-warmup warms the SDK up and is not counted).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const engine = process.env.ACADEMY_ENGINE_DIR ?? path.resolve(here, "../../seed/engine");
const require = createRequire(path.join(engine, "package.json"));
const {
  DynamoDBClient, CreateTableCommand, DescribeTableCommand, BatchWriteItemCommand,
} = require("@aws-sdk/client-dynamodb");

const [endpoint, table, itemsFile, concurrencyText] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
const items = readFileSync(itemsFile, "utf8").split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l));
const client = new DynamoDBClient({
  endpoint, region: "us-east-1", credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" },
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function createTable(name) {
  await client.send(new CreateTableCommand({
    TableName: name,
    AttributeDefinitions: [{ AttributeName: "name", AttributeType: "S" }],
    KeySchema: [{ AttributeName: "name", KeyType: "HASH" }],
    BillingMode: "PROVISIONED",
    ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
  }));
  for (let i = 0; i < 200; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table.TableStatus === "ACTIVE") return;
    await sleep(50);
  }
  throw new Error(`${name} never became ACTIVE`);
}

async function writeBatch(name, batch) {
  let pending = batch.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= 12) throw new Error(`${pending.length} items unwritten after 12 attempts`);
    if (attempt > 0) await sleep(Math.random() * Math.min(5000, 50 * 2 ** attempt));
    const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [name]: pending } }));
    pending = out.UnprocessedItems?.[name] ?? [];
  }
}

async function writeAll(name) {
  const batches = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await writeBatch(name, batches[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

await createTable(`${table}-warmup`);
await writeAll(`${table}-warmup`);
await createTable(table);
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
await writeAll(table);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuStart);
console.log(JSON.stringify({ items: items.length, ms, cpuMs: (cpu.user + cpu.system) / 1000 }));
