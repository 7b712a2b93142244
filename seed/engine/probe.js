// Says what listens at http://HOST:PORT, for engine.sh: one line, "free", "dynalite", "dynamodb"
// (another DynamoDB-compatible engine, e.g. DynamoDB Local) or "other <what it answered>".
// Usage: node probe.js HOST PORT
// Waits up to 5 s for an answer, as the CLI does (HttpDeadlines.Local): a dynalite busy with other
// writes is still a dynalite, not "something that is not a DynamoDB".
"use strict";
const net = require("net");
const http = require("http");

const [host, port] = [process.argv[2], Number(process.argv[3])];
const say = (line) => {
  process.stdout.write(line + "\n");
  process.exit(0);
};

function request(options, body, onAnswer) {
  const req = http.request({ host, port, path: "/", timeout: 5000, ...options }, (res) => {
    let text = "";
    res.setEncoding("utf8");
    res.on("data", (chunk) => (text += chunk));
    res.on("end", () => onAnswer(res, text));
  });
  req.on("timeout", () => req.destroy(new Error("no answer within 5 s")));
  req.on("error", (e) => say(`other it does not answer HTTP (${e.code || e.message})`));
  req.end(body);
}

// A DynamoDB answers ListTables with its table names, or with a DynamoDB error type when it checks
// the (dummy) signature; anything else is not one.
function listTables() {
  const headers = {
    "Content-Type": "application/x-amz-json-1.0",
    "X-Amz-Target": "DynamoDB_20120810.ListTables",
    Authorization:
      "AWS4-HMAC-SHA256 Credential=sandbox/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
    "X-Amz-Date": "20240101T000000Z",
  };
  request({ method: "POST", headers }, "{}", (res, text) => {
    if (/"TableNames"|"__type"\s*:\s*"com\.amazon(aws)?\.(coral|dynamodb)/.test(text)) say("dynamodb");
    const server = res.headers.server ? `, Server: ${res.headers.server}` : "";
    say(`other it answers HTTP ${res.statusCode}${server}`);
  });
}

const socket = net.connect({ host, port });
socket.setTimeout(5000);
socket.on("connect", () => {
  socket.destroy();
  // dynalite answers GET / with "healthy: ...".
  request({ method: "GET" }, undefined, (res, text) => (text.startsWith("healthy") ? say("dynalite") : listTables()));
});
socket.on("timeout", () => say("other it accepts connections but does not answer"));
socket.on("error", (e) => say(e.code === "ECONNREFUSED" ? "free" : `other cannot connect (${e.code || e.message})`));
