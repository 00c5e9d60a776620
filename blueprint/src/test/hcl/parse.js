// Parses Terraform files with HashiCorp's HCL parser (compiled to WebAssembly, so it runs offline).
// For a list of files it prints one JSON object: {"files": {path: body as JSON}, "errors": {path: message}}.
//   node parse.js FILE...      parses the files once
//   node parse.js --serve      reads one JSON array of paths per line and answers each with one line,
//                              so a test run pays for starting node and loading the parser only once
const fs = require("fs");
const readline = require("readline");
const { parse } = require("@cdktf/hcl2json");

async function parseAll(paths) {
  const result = { files: {}, errors: {} };
  for (const path of paths) {
    try {
      result.files[path] = await parse(path, fs.readFileSync(path, "utf8"));
    } catch (error) {
      result.errors[path] = String(error && error.message ? error.message : error);
    }
  }
  return JSON.stringify(result);
}

async function serve() {
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    process.stdout.write((await parseAll(JSON.parse(line))) + "\n");
  }
}

const args = process.argv.slice(2);
(args[0] === "--serve" ? serve() : parseAll(args).then((json) => process.stdout.write(json))).catch((error) => {
  console.error(error);
  process.exit(1);
});
