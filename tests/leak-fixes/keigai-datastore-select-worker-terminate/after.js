// Excerpt of avoidwork/keigai src/store.js after b998de1816dad492a72b276edea32f34223755a3 (BSD-3-Clause).
// src/*.js are fragments concatenated into lib/keigai.js; webWorker, WORKER, deferred, json, label and utility are defined elsewhere.
// ...
/**
 * Selects records based on an explcit description
 *
 * Note: Records are not by reference!
 *
 * @method select
 * @memberOf keigai.DataStore
 * @param  {Object} where Object describing the WHERE clause
 * @return {Object} {@link keigai.Deferred}
 */
DataStore.prototype.select = function ( where ) {
	var defer = deferred.factory(),
	    blob, clauses, cond, functions, worker;

	if ( !( where instanceof Object ) ) {
		throw new Error( label.invalidArguments );
	}

	if ( webWorker ) {
		functions = [];

		utility.iterate( where, function ( v, k ) {
			if ( typeof v == "function" ) {
				this[k] = v.toString();
				functions.push( k );
			}
		} );

		blob   = new Blob( [WORKER] );
		worker = new Worker( global.URL.createObjectURL( blob ) );

		worker.onerror = function ( err ) {
			defer.reject( err );
			worker.terminate();
		};

		worker.onmessage = function ( ev ) {
			defer.resolve( ev.data );
			worker.terminate();
		};

		worker.postMessage( {cmd: "select", records: this.records, where: json.encode( where ), functions: functions} );
	}
	else {
// ...
	}

	return defer;
};
// ...
