// The floor under a second `up`: a Node process that only reads every item of the table back (Scan,
// strongly consistent, page after page) and compares nothing. usage: node node-scan.mjs ENDPOINT TABLE
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const engine = process.env.ACADEMY_ENGINE_DIR ?? path.resolve(here, "../../seed/engine");
const require = createRequire(path.join(engine, "package.json"));
const { DynamoDBClient, ScanCommand } = require("@aws-sdk/client-dynamodb");

const [endpoint, table] = process.argv.slice(2);
const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" } });
let count = 0;
let key;
do {
  const page = await client.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: key }));
  count += page.Items.length;
  key = page.LastEvaluatedKey;
} while (key);
console.log(count);
