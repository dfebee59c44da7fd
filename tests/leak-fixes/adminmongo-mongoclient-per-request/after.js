// Excerpt of mrvautin/adminMongo routes/index.js after ea30feba93057ed16c62ded3353c5e63bae3bafa (MIT).
// app.js mounts this router; each handler runs for every request to its route.
// app.js now connects every configured connection once at start-up (connections.js) and keeps it in app.locals.dbConnections.
var express = require('express');
var router = express.Router();
var _ = require('lodash');

// ...

router.get('/:conn', function (req, res, next) {
    var connection_list = req.app.locals.dbConnections;
    var MongoURI = require('mongo-uri');

    // if no connection found
    if(connection_list == undefined || Object.keys(connection_list).length == 0){
        res.redirect(req.app.locals.app_context + "/");
        return;
    }

    // parse the connection string to get DB
    var conn_string = connection_list[req.params.conn].connString;
    var uri = MongoURI.parse(conn_string);

    // If there is a DB in the connection string, we redirect to the DB level
    if(uri.database){
        res.redirect(req.app.locals.app_context + "/" +  req.params.conn + "/" + uri.database);
        return;
    }

    // Get DB's form pool
    var mongo_db = connection_list[req.params.conn].native;

    get_db_stats(mongo_db, uri.database, function(err, db_stats){
        get_sidebar_list(mongo_db, uri.database, function(err, sidebar_list) {
            get_db_list(uri, mongo_db, function(err, db_list) {
                res.render('conn', {
                    conn_list: order_object(connection_list),
                    db_stats: db_stats,
                    conn_name: req.params.conn,
                    sidebar_list: sidebar_list,
                    db_list: db_list,
                    helpers: req.handlebars.helpers,
                    session: req.session
                });
            });
        });
    });
});

// ...

router.post('/:conn/:db/coll_create', function (req, res, next) {
    var connection_list = req.app.locals.dbConnections;

    // Check for existance of connection
    if(connection_list[req.params.conn] == undefined){
        res.writeHead(400, { 'Content-Type': 'application/text' });
        res.end(req.i18n.__('Invalid connection name'));
    }

    // Validate database name
    if (req.params.db.indexOf(" ") > -1){
        res.writeHead(400, { 'Content-Type': 'application/text' });
        res.end(req.i18n.__('Invalid database name'));
    }
    
    // Get DB form pool
    var mongo_db = connection_list[req.params.conn].native.db(req.params.db);

    // adding a new collection
    mongo_db.createCollection(req.body.collection_name, function (err, coll) {
        if(err){
            console.error('Error creating collection: ' + err);
            res.writeHead(400, { 'Content-Type': 'application/text' });
            res.end(req.i18n.__('Error creating collection') + ': ' + err);
        }else{
            res.writeHead(200, { 'Content-Type': 'application/text' });
            res.end(req.i18n.__('Collection successfully created'));
        }
    });   
});


// ...

module.exports = router;
