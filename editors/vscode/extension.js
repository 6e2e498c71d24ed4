// Starts `journey lsp` for .journey files. Plain CommonJS: no build step.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function start() {
  const path = vscode.workspace.getConfiguration("journey").get("server.path") || "journey";
  const server = { command: path, args: ["lsp"] };
  client = new LanguageClient(
    "journey",
    "Journey language server",
    { run: server, debug: server },
    { documentSelector: [{ language: "journey" }] }
  );
  return client.start().catch((err) => {
    vscode.window.showErrorMessage(
      `Could not start \`${path} lsp\` (${err.message}). Install journey or set "journey.server.path".`
    );
  });
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("journey.server.path")) {
        if (client) await client.stop();
        await start();
      }
    })
  );
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
