// Excerpt of mrvautin/adminMongo routes/index.js before ea30feba93057ed16c62ded3353c5e63bae3bafa (MIT).
// app.js mounts this router; each handler runs for every request to its route.
var express = require('express');
var router = express.Router();

// ...

router.get('/:conn', function (req, res, next) {
    var mongojs = require('mongojs');
    var connection_list = req.nconf.connections.get('connections');
    var mongodb = require('mongodb').MongoClient;
    var mongo_uri = require('mongodb-uri');

    // if no connection found
    if(connection_list == undefined || Object.keys(connection_list).length == 0){
        res.redirect(req.app.locals.app_context + "/");
        return;
    }

    var conn_string = connection_list[req.params.conn].connection_string;

    // parse the connection string to get DB
    var uri = mongo_uri.parse(conn_string);

    // If there is a DB in the connection string, we redirect to the DB level
    if(uri.database){
        res.redirect(req.app.locals.app_context + "/" +  req.params.conn + "/" + uri.database);
        return;
    }

    // connect to DB
    mongodb.connect(conn_string, function (err, mongo_db) {
        if(err){
            console.error("Error connecting to database: " + err);
            render_error(res, req, err, req.params.conn);
        }else{
            var db = mongojs(conn_string);
            get_db_stats(mongo_db, uri.database, conn_string, function(err, db_stats){
                db.runCommand({ usersInfo: 1 },function (err, conn_users) {
                    get_sidebar_list(mongo_db, uri.database, conn_string, function(err, sidebar_list) {
                        get_db_list(uri, mongo_db, function(err, db_list) {
                            res.render('conn', {
                                conn_list: order_object(connection_list),
                                db_stats: db_stats,
                                conn_name: req.params.conn,
                                conn_users: conn_users,
                                sidebar_list: sidebar_list,
                                db_list: db_list,
                                helpers: req.handlebars.helpers,
                                session: req.session
                            });
                        });
                    });
                });
            });
        }
    });
});

// ...

router.post('/:conn/:db/coll_create', function (req, res, next) {
    var mongojs = require('mongojs');
    var connection_list = req.nconf.connections.get('connections');
    var mongodb = require('mongodb').MongoClient;
    var mongo_uri = require('mongodb-uri');

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
    
    var conn_string = connection_list[req.params.conn].connection_string;
    
    // parse the connection string to get DB
    var uri = mongo_uri.parse(conn_string);

    mongodb.connect(connection_list[req.params.conn].connection_string, function (err, mongo_db) {
        if(err){
            console.error('Error connecting to database: ' + err);
            res.writeHead(400, { 'Content-Type': 'application/text' });
            res.end(req.i18n.__('Error connecting to database') + ': ' + err);
        }else{
            uri.database = req.params.db;
            var db = mongojs(toUriString(uri));

            // adding a new collection
            db.createCollection(req.body.collection_name, function (err, coll) {
                if(err){
                    console.error('Error creating collection: ' + err);
                    res.writeHead(400, { 'Content-Type': 'application/text' });
                    res.end(req.i18n.__('Error creating collection') + ': ' + err);
                }else{
                    res.writeHead(200, { 'Content-Type': 'application/text' });
                    res.end(req.i18n.__('Collection successfully created'));
                }
            });
        }
    });
});

// ...

module.exports = router;
