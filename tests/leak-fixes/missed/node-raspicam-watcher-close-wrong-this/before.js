// Before fix 3f26dff: excerpt of lib/raspicam.js from troyth/node-raspicam (license MIT)
var events = require('events'),
    spawn = require("child_process").spawn,
    util = require("util"),
    fs = require("fs"),
    _ = require("lodash"),
    __ = require("../lib/fn.js"),
    parameters = require("../options").parameters,
    flags = require("../options").flags;

// flat to tell if a process is running
var PROCESS_RUNNING_FLAG = false;

// the process id of the process spawned to take photos/video
var child_process = null;

function RaspiCam( opts ) {
  
  if ( !(this instanceof RaspiCam) ) {
    return new RaspiCam( opts );
  }

  // ... (unrelated code omitted)

  //child process
  this.child_process = null;

  //directory watcher
  this.watcher = null;

  //events.EventEmitter.call(this);
}

// Inherit event api
util.inherits( RaspiCam, events.EventEmitter );
// ... (unrelated code omitted)

RaspiCam.prototype.watchDirectory = function( ) {
  //alias to pass to callbacks
  var self = this;

  //close previous directory watcher if any
  if(this.watcher !== null){
    this.watcher.close();
  }

  //start watching the directory where the images will be stored to emit signals on each new photo saved
  this.watcher = fs.watch(this.filepath, function(event, filename){
    //rename is called once, change is called 3 times, so check for rename to elimate duplicates
    if(event === "rename"){
      console.log('raspicam::watcher::event ' + event);

		// only emit read event if it is not a temporary file
		if (filename.indexOf('~') === -1) {
		  self.emit( "read", null, new Date().getTime(), filename );
		}
    }else{
      console.log('raspicam::watcher::event ' + event);
      self.emit( event, null, new Date().getTime(), filename );
    }
  });
};
// ... (unrelated code omitted)



/**
*
* addChildProcessListeners()
* 
* Adds listeners to the child process spawned to take pictures
* or record video (raspistill or raspivideo).
*
**/
RaspiCam.prototype.addChildProcessListeners = function(){
  var self = this;
  var dout, derr;

  this.child_process.stdout.on('data', function (data) {
    console.log('stdout: ' + data);
    dout = data;
  });

  this.child_process.stderr.on('data', function (data) {
    console.log('stderr: ' + data);
    derr = data;
  });

  this.child_process.on('close', function (code) {    
    //emit exit signal for process chaining over time
    self.emit( "exit", new Date().getTime() );

    PROCESS_RUNNING_FLAG = false;
    self.child_process = null;
    child_process = null;
    this.watcher.close();//remove the file watcher
    this.watcher = null;
  });

};


// ... (unrelated code omitted)

module.exports = RaspiCam;
