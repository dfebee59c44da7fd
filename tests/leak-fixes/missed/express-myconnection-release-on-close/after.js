// Excerpt of pwalczyszyn/express-myconnection lib/express-myconnection.js after 22e40659aed7728e5511410dffb5cb232481999e (Apache-2.0).
var _mysql,
    _dbConfig,
    _connection, // This is used as a singleton in a single connection strategy
    _pool; // Pool singleton
// ...
/**
 * Returns middleware that will handle mysql db connections
 *
 * @param {Object} mysql - mysql module
 * @param {Object} dbConfig - object with mysql db options
 * @param {String} or undefined strategy - default is single strategy
 * @return {Function}
 * @api public
 */
module.exports = function (mysql, dbConfig, strategy) {

    if (null == mysql) throw new Error('Missing mysql module param!');
    if (null == dbConfig) throw new Error('Missing dbConfig module param!');
    if (null == strategy) strategy = 'single';

    // Setting _mysql module ref
    _mysql = mysql;

    // Setting _dbConfig ref
    _dbConfig = dbConfig;

    // Configuring strategies
    switch (strategy) {
// ...
        case 'pool':
            // Creating pool instance
            _pool = _mysql.createPool(dbConfig);
            break;
        case 'request':
            // Nothing at this point do be done
            break;
        default:
            throw new Error('Not supported connection strategy!');
    }

    return function (req, res, next) {
        var poolConnection,
            requestConnection,
            releaseFlag;

        switch (strategy) {
// ...

            case 'pool':
                // getConnection handled by mysql pool
                req.getConnection = function (callback) {
                    // Returning cached connection from a pool, caching is on request level
                    if (poolConnection) return callback(null, poolConnection);
                    // Getting connection from a pool
                    _pool.getConnection(function (err, connection) {
                        if (err) return callback(err);
                        poolConnection = connection;
                        releaseFlag = false;
                        callback(null, poolConnection);
                    });
                };
                req.releaseConnection = function() {
                    if (poolConnection) {
                        poolConnection.release();
                        poolConnection = null;
                        releaseFlag = true;
                    }
                };
                break;

            case 'request':
                // getConnection creates new connection per request
                req.getConnection = function (callback) {
                    // Returning cached connection, caching is on request level
                    if (requestConnection) return callback(null, requestConnection);
                    // Creating new connection
                    var connection = _mysql.createConnection(dbConfig);
                    connection.connect(function (err) {
                        if (err) return callback(err);
                        requestConnection = connection;
                        callback(null, requestConnection);
                    });
                }
                break;
        }
        res.on('close', function() {
            // Ending request connection if available
            if (requestConnection) requestConnection.end();

            // Releasing pool connection if available
            if (poolConnection && !releaseFlag) poolConnection.release();
        });
        res.on('finish', function() {
            // Ending request connection if available
            if (requestConnection) requestConnection.end();

            // Releasing pool connection if available
            if (poolConnection && !releaseFlag) poolConnection.release();
        });
        next();
    }
}
