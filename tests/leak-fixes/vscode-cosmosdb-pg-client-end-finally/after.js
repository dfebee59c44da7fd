// Excerpt of microsoft/vscode-cosmosdb src/postgres/commands/executePostgresQuery.ts after ace754d67e5ed28590290194afa591c298e0241d (MIT).
// TypeScript types removed. registerPostgresCommands.ts registers executePostgresQuery as the 'postgreSQL.executeQuery' command: it runs every time the user executes a query.
import { EOL } from 'os';
import * as path from 'path';
import { Client } from 'pg';
import * as vscode from 'vscode';
import { ext } from '../../extensionVariables';
import { localize } from '../../utils/localize';
import * as vscodeUtil from '../../utils/vscodeUtils';
import { PostgresDatabaseTreeItem } from '../tree/PostgresDatabaseTreeItem';
import { checkAuthentication } from './checkAuthentication';
import { loadPersistedPostgresDatabase } from './registerPostgresCommands';

export async function executePostgresQuery(context) {
    await loadPersistedPostgresDatabase();

    let treeItem;
    if (ext.connectedPostgresDB) {
        treeItem = ext.connectedPostgresDB;
    } else {
        treeItem = await ext.tree.showTreeItemPicker(PostgresDatabaseTreeItem.contextValue, context);
    }

    const clientConfig = await checkAuthentication(context, treeItem);

    const activeEditor = vscode.window.activeTextEditor;

    if (!activeEditor?.document) {
        throw new Error(localize('openQueryBeforeExecuting', 'Open a PostgreSQL query before executing.'));
    }

    const client = new Client(clientConfig);
    const query = activeEditor.document.getText();
    let queryResult;
    try {
        await client.connect();
        queryResult = await client.query(query);
    } finally {
        await client.end();
    }

    ext.outputChannel.appendLine(localize('executedQuery', 'Successfully executed "{0}" query.', queryResult.command));

    if (queryResult.rowCount) {
        const fileExtension = path.extname(activeEditor.document.fileName);
        const queryFileName = path.basename(activeEditor.document.fileName, fileExtension);
        const outputFileName = `${queryFileName}-output`;

        const fields = queryResult.fields.map(f => f.name);
        let csvData = `${fields.join(',')}${EOL}`;

        for (const row of queryResult.rows) {
            const fieldValues = [];
            for (const field of fields) {
                fieldValues.push(row[field]);
            }
            csvData += `${fieldValues.join(',')}${EOL}`;
        }

        await vscodeUtil.showNewFile(csvData, outputFileName, '.csv');
    }
}
